/**
 * The savepoint and checkpoint store on a local or mounted filesystem.
 */
package io.sabot.savepoint.fs;

/**
 * The sabot command line.
 */
package io.sabot.cli;

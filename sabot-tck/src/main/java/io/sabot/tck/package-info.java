/**
 * Compatibility kits: abstract JUnit 5 test classes that every implementation of a Sabot SPI extends.
 */
package io.sabot.tck;

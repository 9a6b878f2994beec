/**
 * Bounded in-memory channels between agents, carrying events and control elements (checkpoint barriers, end of
 * stream) in order, with the writers' blocked time measured.
 */
package io.sabot.runtime.channel;

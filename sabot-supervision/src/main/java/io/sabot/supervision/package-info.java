/**
 * Erlang/OTP-style supervisors and supervision trees, the built-in strategies and their Guice module.
 */
package io.sabot.supervision;

/**
 * Compatibility kits of the resource SPIs: {@link io.sabot.tck.resources.ResourceProbeCompatibilityKit}.
 */
package io.sabot.tck.resources;

/**
 * Device profiles: one YAML file per board (resources beside these classes) read into a validated
 * {@link io.edgeinfer.profiles.DeviceProfile}; {@link io.edgeinfer.profiles.ProfileDetector} finds
 * the board this JVM runs on; {@link io.edgeinfer.profiles.MemoryBudget} refuses a model whose
 * memory need is larger than the profile allows, before it is loaded.
 */
package io.edgeinfer.profiles;

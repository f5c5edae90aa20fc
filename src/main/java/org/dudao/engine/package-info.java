/**
 * Internal: Compiling the rules folder (DRL, metrics, parameters, thresholds, waivers) and evaluating facts against it in Drools sessions.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.engine;

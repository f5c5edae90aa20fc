/**
 * Internal: The reports of a run (json, xlsx, html, docx), its output folder and manifest, and the console summary.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.report;

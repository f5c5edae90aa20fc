/**
 * The facts and findings every stage shares: entities, readings, verdicts, tallies, load problems.
 * Depends on nothing else of dudao's, nor on Jackson.
 *
 * <p>The types {@link org.dudao.api} hands out ({@link org.dudao.model.Verdict}, {@link org.dudao.model.Status},
 * {@link org.dudao.model.Tally}, {@link org.dudao.model.Indicator}, {@link org.dudao.model.Entity},
 * {@link org.dudao.model.LoadProblem}, {@link org.dudao.model.InputFile}) are read through their getters;
 * everything else here is internal and may change in any release.
 */
package org.dudao.model;

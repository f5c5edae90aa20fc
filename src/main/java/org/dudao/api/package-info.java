/**
 * dudao's embedding API, the one public package: {@link org.dudao.api.Dudao} compiles a rule set into
 * {@link org.dudao.api.Rules} (once, thread-safe), {@link org.dudao.api.Rules#evaluate} turns an
 * {@link org.dudao.api.EvaluationRequest} into an {@link org.dudao.api.Evaluation} (verdicts, tally,
 * problems, exit status) that writes its reports in any {@link org.dudao.api.ReportFormat}; what cannot
 * be done is a {@link org.dudao.api.DudaoException} with a Chinese message and its places. The command
 * line, {@code batch} and {@code serve} are shells over it; every other package is internal.
 */
package org.dudao.api;

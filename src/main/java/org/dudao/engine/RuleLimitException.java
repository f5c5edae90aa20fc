package org.dudao.engine;

/** A session was stopped because a rule went past a {@link SessionLimits limit} or halted it; the message (Chinese) names the rule. */
public final class RuleLimitException extends RuntimeException {
    public RuleLimitException(String message) {
        super(message, null, false, false);
    }
}

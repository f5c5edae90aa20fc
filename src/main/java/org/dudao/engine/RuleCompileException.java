package org.dudao.engine;

import java.util.List;

/** The rules could not be compiled; each message names file, line and column. */
public final class RuleCompileException extends Exception {
    private final List<RuleMessage> messages;

    public RuleCompileException(List<RuleMessage> messages) {
        super(messages.size() + " 个规则错误");
        this.messages = List.copyOf(messages);
    }

    public List<RuleMessage> messages() { return messages; }
}

package org.dudao.api;

import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleMessage;

/** The engine's located messages as the API's {@link DudaoException}. */
final class Errors {
    private Errors() {}

    static DudaoException of(String headline, RuleCompileException e) {
        return new DudaoException(headline, e.messages().stream().map(Errors::problem).toList(), e);
    }

    /** {@code file:line:col: message}, or {@code file 表!C5: message} for a cell of a workbook under the rules folder. */
    static DudaoException.Problem problem(RuleMessage m) {
        if (m.cell() == null) return new DudaoException.Problem(Location.of(m.file(), m.line(), m.column()), m.message());
        int bang = m.cell().lastIndexOf('!');
        Location at = bang < 0 ? Location.ofCell(m.file(), null, m.cell())
                : Location.ofCell(m.file(), m.cell().substring(0, bang), m.cell().substring(bang + 1));
        return new DudaoException.Problem(at, m.message());
    }
}

package org.dudao.load;

import org.dudao.model.LoadProblem.Severity;
import org.dudao.model.Origin;

/** Where what one sheet's rows give goes: the dataset being built, with the file and sheet every fact and problem names. */
record SheetOutput(String file, String sheet, DatasetBuilder facts) {
    void warning(String ref, String message) { facts.problem(Severity.WARNING, file, sheet, ref, message); }

    void error(String ref, String message) { facts.problem(Severity.ERROR, file, sheet, ref, message); }

    Origin origin(String ref) { return new Origin(file, sheet, ref); }
}

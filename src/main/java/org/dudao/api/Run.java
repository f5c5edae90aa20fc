package org.dudao.api;

import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleLimitException;
import org.dudao.engine.StreamingEvaluator;
import org.dudao.engine.VerdictStore;
import org.dudao.engine.Waivers;
import org.dudao.load.NoDataHint;
import org.dudao.load.WorkbookException;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.report.Report;
import org.dudao.report.ReportContext;
import org.dudao.report.RunInfo;
import org.dudao.util.Phases;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run, as {@code evaluate} does it and {@code batch} and the console do it per region: load the
 * workbooks (all at once, or one by one with {@link StreamingEvaluator}), evaluate them on the
 * compiled rules, apply the waivers, and gather the {@link Report} every format is written from.
 */
final class Run {
    private Run() {}

    static Evaluation evaluate(Rules rules, EvaluationRequest request) throws DudaoException {
        try {
            return new Evaluation(report(rules, request));
        } catch (RuleLimitException e) {
            // a rule that loops, inserts without end or halts its session: the run cannot be done
            throw new DudaoException(e.getMessage(), e);
        }
    }

    private static Report report(Rules rules, EvaluationRequest request) throws DudaoException {
        RuleBase ruleBase = rules.base();
        // a cache hit's compiled rules are read on the second core while this one loads the workbooks
        ruleBase.prepareInBackground();
        Waivers waivers = waivers(rules, request);
        Consumer<String> progress = request.progress();
        long start = System.nanoTime();
        String time = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Dataset data;
        List<WorkbookException> unreadable;
        org.dudao.engine.Evaluation evaluation = null;
        List<String> runProblems = new ArrayList<>();
        if (request.byWorkbook()) {
            // waivers are applied county by county as the verdicts go to the store
            StreamingEvaluator.Result r = new StreamingEvaluator(ruleBase, request.threads(), waivers.applier(request.asOf()),
                    VerdictStore.create(), request.limits()).reporting(progress).evaluate(request.workbooks(), request.year());
            data = r.data();
            unreadable = r.unreadable();
            evaluation = r.evaluation();
            for (WorkbookException e : unreadable) runProblems.add(e.describe());
            runProblems.addAll(r.runProblems());
        } else {
            WorkbookLoader.Result loaded = new WorkbookLoader(ruleBase.dictionary()).load(request.workbooks());
            data = loaded.dataset();
            progress.accept(String.format("已读取 %d 个工作簿（%s）", request.workbooks().size(), seconds(start)));
            unreadable = loaded.unreadable();
            for (WorkbookException e : unreadable) runProblems.add(e.describe());
        }
        Phases.mark("workbooks loaded");
        if (data.years().isEmpty()) throw nothingToEvaluate(NoDataHint.of(data), unreadable);
        int year = request.year() != null ? request.year() : Evaluator.latestYear(data);
        if (!data.years().contains(year)) throw nothingToEvaluate("数据中没有 " + year + " 年的数据（有：" + data.years() + "）", unreadable);
        if (evaluation == null) {
            evaluation = new Evaluator(ruleBase, request.threads(), request.limits()).evaluate(data, year)
                    .withWaivers(waivers, request.asOf());
            progress.accept(String.format("已评估：%d 条结论（%s）", evaluation.verdicts().size(), seconds(start)));
        }
        Phases.mark("evaluated");
        runProblems.addAll(evaluation.ruleProblems());
        RunInfo run = new RunInfo("dudao", Dudao.version(), time, evaluation.year(), data.years(), data.inputs(),
                rules.location().label(), ruleBase.hash(), ruleBase.catalogue().size());
        ReportContext context = ReportContext.of(ruleBase, unreadable);
        runProblems.addAll(context.problems());
        return new Report(run, data, ruleBase.catalogue(), evaluation, runProblems, context);
    }

    /** The rules folder's {@code waivers.csv} and the request's files, read as one (a bad line in any is the run's refusal). */
    private static Waivers waivers(Rules rules, EvaluationRequest request) throws DudaoException {
        try {
            return rules.base().folder().waivers(request.waivers());
        } catch (RuleCompileException e) {
            throw Errors.of("豁免文件有误（" + e.messages().size() + " 处）：", e);
        }
    }

    /** Nothing could be evaluated: why, with each workbook that could not be read as a problem of its own. */
    private static DudaoException nothingToEvaluate(String why, List<WorkbookException> unreadable) {
        List<DudaoException.Problem> problems = unreadable.stream()
                .map(e -> new DudaoException.Problem(Location.of(e.getFile()), e.describe())).toList();
        return new DudaoException(why, problems);
    }

    static String seconds(long since) {
        return String.format("用时 %.1f 秒", (System.nanoTime() - since) / 1e9);
    }
}

package org.dudao.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the sessions of an evaluation to their {@link SessionLimits}. Inside a session, each rule
 * firing and each insertion checks the clock and the count, and stops the session with a
 * {@link RuleLimitException} naming the rule. A consequence that never returns (a loop in Java under
 * {@code --trust-rules}) cannot be stopped from inside: the threads waiting for the sessions
 * ({@link #await}) see it running past its time and end the run; its thread is a daemon and is left behind.
 * A rule that halts its session ({@code drools.halt()}) would silently drop the verdicts of the rules
 * not yet fired: {@link Running#fire} finds that out and names the rule.
 */
final class SessionWatch {
    private static final long POLL_MS = 200;
    private static final long GRACE_NS = TimeUnit.SECONDS.toNanos(1);

    private final SessionLimits limits;
    private final Set<Running> running = ConcurrentHashMap.newKeySet();

    SessionWatch(SessionLimits limits) {
        this.limits = limits;
    }

    SessionLimits limits() { return limits; }

    /** Starts watching a session of a partition; the facts inserted until {@link Running#fire} are the caller's and not counted. */
    Running start(String partition, KieSession session) {
        Running r = new Running(partition, session);
        session.addEventListener((AgendaEventListener) r);
        session.addEventListener((RuleRuntimeEventListener) r);
        running.add(r);
        return r;
    }

    /** The result of a future, checking every moment that no watched session has outrun its time. */
    <T> T await(Future<T> f) {
        while (true) {
            try {
                return f.get(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                checkRunning();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            }
        }
    }

    /** Fails when a session has run past its time without reaching a point where it could stop itself. */
    void checkRunning() {
        long now = System.nanoTime();
        // a session past its time stops itself at its next firing; one that has not a moment later is stuck in a consequence
        for (Running r : running) if (now > r.deadline + GRACE_NS) throw r.overTime(r.looping());
    }

    /** The cause of a failed task, thrown as it was (an Error stays an Error). */
    static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof Error err) throw err;
        if (cause instanceof RuntimeException re) {
            RuleLimitException limit = limitIn(re);
            return limit != null ? limit : re;
        }
        return new IllegalStateException(cause);
    }

    /** A limit exception anywhere in a cause chain (Drools wraps what a listener throws from inside a consequence). */
    static RuleLimitException limitIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof RuleLimitException l) return l;
        return null;
    }

    /** One watched session. */
    final class Running extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        private final String partition;
        private final KieSession session;
        private final long deadline;
        private volatile Rule rule;
        /** Firings per rule: read by the watching thread, counted without a boxed Long per firing. */
        private final Map<Rule, AtomicLong> fired = new ConcurrentHashMap<>();
        private boolean counting;
        private long inserted;

        private Running(String partition, KieSession session) {
            this.partition = partition;
            this.session = session;
            this.deadline = System.nanoTime() + limits.time().toNanos();
        }

        /** Fires the session's rules to the end; a limit passed or a halt is a {@link RuleLimitException}. */
        void fire() {
            counting = true;
            try {
                session.fireAllRules();
                Rule last = rule;
                // a session that ran to its end has nothing left to fire; one that a rule halted has
                if (session.fireAllRules(1) > 0) {
                    throw new RuleLimitException(where(last) + "中止了评估（drools.halt() 等），其余规则的结论会缺失：评估已停止，请修改该规则");
                }
            } catch (RuntimeException e) {
                RuleLimitException limit = limitIn(e);
                throw limit != null ? limit : e;
            }
        }

        void end() {
            running.remove(this);
        }

        @Override public void beforeMatchFired(BeforeMatchFiredEvent event) {
            rule = event.getMatch().getRule();
            AtomicLong n = fired.get(rule);
            if (n == null) n = fired.computeIfAbsent(rule, r -> new AtomicLong());
            n.incrementAndGet();
            if (System.nanoTime() > deadline) throw overTime(looping());
        }

        @Override public void objectInserted(ObjectInsertedEvent event) {
            if (!counting) return;
            if (event.getRule() != null) rule = event.getRule();
            if (++inserted > limits.insertions()) {
                throw new RuleLimitException(where(rule) + "插入了超过 " + limits.insertions() + " 个事实，可能在无止境地插入：评估已停止"
                        + "（如数据确实如此之大，可用 --fact-limit 调高上限）");
            }
            if (System.nanoTime() > deadline) throw overTime(looping());
        }

        @Override public void objectUpdated(ObjectUpdatedEvent event) {
            if (System.nanoTime() > deadline) throw overTime(looping());
        }

        @Override public void objectDeleted(ObjectDeletedEvent event) { }

        private RuleLimitException overTime(String who) {
            return new RuleLimitException(who + "运行超过 " + limits.time().toSeconds() + " 秒仍未结束，可能陷入循环：评估已停止"
                    + "（如数据确实需要更久，可用 --time-limit 调高上限）");
        }

        /** The rules that fired most often (those going round a loop together), with how often. */
        private String looping() {
            Map<Rule, Long> counts = new HashMap<>();
            fired.forEach((r, n) -> counts.put(r, n.get()));
            long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            if (most <= 1) return where(rule);
            // rules going round one loop fire about equally often
            List<String> names = counts.entrySet().stream().filter(e -> e.getValue() * 2 >= most)
                    .sorted(Map.Entry.<Rule, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().getName())).limit(3)
                    .map(e -> "“" + e.getKey().getName() + "”" + source(e.getKey())).toList();
            return "规则" + String.join("、", names) + "（已触发约 " + most + " 次）在分区“" + partition + "”中";
        }

        private String where(Rule r) {
            String name = r == null ? "规则" : "规则“" + r.getName() + "”" + source(r);
            return name + "在分区“" + partition + "”中";
        }

        private static String source(Rule r) {
            if (r instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
                String path = impl.getResource().getSourcePath();
                return "（" + (path.startsWith("src/main/resources/") ? path.substring("src/main/resources/".length()) : path) + "）";
            }
            return "";
        }
    }
}

package org.dudao.engine;

import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.dudao.load.MetricDictionary;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.Param;
import org.dudao.model.Verdict;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates a dataset against a compiled rule base: one session per region partition, sharing the
 * rule base, spread over threads. The partitions: each county with its schools and classes, and one
 * for the regions above the counties (which reach the counties' figures through {@link Facts}).
 */
public final class Evaluator {
    private final RuleBase rules;
    /** Its units are said of a value not reported when no other value gives one. */
    private final MetricDictionary dictionary;
    private final int threads;
    private final SessionWatch watch;
    /** Read by every session, changed by none: made once, as it reads its defaults from the class path (about 2% of a run's CPU per session). */
    private final KieSessionConfiguration sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();

    /** False when no rule has a pattern a Metric can match: the helpers read metrics from Facts, and inserting them costs. */
    private final boolean insertMetrics;
    /** The kinds of entity some rule's pattern can match ({@link MatchedKinds}); the others stay out of the sessions, read through Facts. */
    private final Set<EntityKind> insertKinds;

    public Evaluator(RuleBase rules, int threads) {
        this(rules, threads, SessionLimits.DEFAULT);
    }

    /** With each partition's session held to {@code limits}: a rule past them ends the evaluation with a {@link RuleLimitException}. */
    public Evaluator(RuleBase rules, int threads, SessionLimits limits) {
        this.rules = rules;
        this.dictionary = rules.dictionary() != null ? rules.dictionary() : MetricDictionary.empty();
        this.threads = Math.max(1, threads);
        this.insertMetrics = canMatch(rules.kieBase(), Metric.class);
        this.insertKinds = MatchedKinds.of(rules.kieBase());
        this.watch = new SessionWatch(limits);
    }

    /**
     * True when some pattern of the rule base can match facts of the class (a pattern on the class,
     * a supertype or Object): only then must such facts be in the session. Unknown rule-base
     * internals answer true, so a change in Drools costs speed, never a verdict.
     */
    static boolean canMatch(KieBase kieBase, Class<?> type) {
        if (!(kieBase instanceof InternalRuleBase base)) return true;
        for (ObjectTypeNode otn : base.getRete().getObjectTypeNodes()) {
            ObjectType t = otn.getObjectType();
            if (!(t instanceof ClassObjectType c)) return true;
            if (c.getClassType() != null && c.getClassType().isAssignableFrom(type)) return true;
        }
        return false;
    }

    public Evaluation evaluate(Dataset data, int year) {
        Facts facts = new Facts(data).declaring(dictionary);
        SessionContext context = new SessionContext(facts, year, rules.rules(), rules.params());
        List<Partition> partitions = partition(data);
        List<Verdict> verdicts = new ArrayList<>();
        // Sessions run on worker threads even with one thread, so that this one can see a session outrun its time.
        ExecutorService pool = workers(Math.min(threads, Math.max(1, partitions.size())));
        try {
            List<Future<List<Verdict>>> futures = new ArrayList<>();
            for (Partition p : partitions) futures.add(pool.submit(() -> run(p, context, Tallies.NONE)));
            for (Future<List<Verdict>> f : futures) verdicts.addAll(await(f));
        } finally {
            pool.shutdownNow();
        }
        sort(verdicts, hierarchyRank(data.entities()));
        return new Evaluation(year, List.copyOf(verdicts), duplicates(verdicts));
    }

    /**
     * Evaluates one partition in a session of its own, from the compiled rule base: the entry point
     * for a caller that partitions the data itself (a Spark executor, {@link StreamingEvaluator}).
     * {@code facts} holds the partition's entities and metrics, the regions above it that roll-ups
     * read, and the parameters; only {@code partition.subjects()} are inserted into the session.
     * Thread-safe: sessions of one rule base run side by side. The verdicts come back in report
     * order (the entity's place in the hierarchy, then the catalogue's order of indicators).
     */
    public List<Verdict> evaluate(Partition partition, Facts facts, int year) {
        return evaluate(partition, facts, year, Tallies.NONE);
    }

    /** As {@link #evaluate(Partition, Facts, int)}, the regions' roll-ups over schools and classes filed in, or taken from, {@code tallies}. */
    List<Verdict> evaluate(Partition partition, Facts facts, int year, Tallies tallies) {
        List<Verdict> verdicts = run(partition, new SessionContext(facts.declaring(dictionary), year, rules.rules(), rules.params()), tallies);
        // A county with all its schools and classes is a whole subtree: ranked on its own, it is in
        // the order a rank over all the entities would give it.
        Map<String, Entity> own = new HashMap<>();
        for (Entity e : partition.subjects()) own.put(e.getCode(), e);
        sort(verdicts, hierarchyRank(own));
        return verdicts;
    }

    /**
     * Sorts verdicts into report order: by the entity's place in the hierarchy, its code, then the catalogue's
     * order of indicators, the indicator and the part. Stable; each verdict's two ranks are looked up once, not
     * at each of the n log n comparisons.
     */
    void sort(List<Verdict> verdicts, Map<String, Integer> rank) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < rules.catalogue().size(); i++) order.put(rules.catalogue().get(i).id(), i);
        Ranked[] ranked = new Ranked[verdicts.size()];
        for (int i = 0; i < ranked.length; i++) {
            Verdict v = verdicts.get(i);
            ranked[i] = new Ranked(rank.getOrDefault(v.getEntityCode(), Integer.MAX_VALUE), order.getOrDefault(v.getIndicator(), Integer.MAX_VALUE), v);
        }
        Arrays.sort(ranked, Ranked.ORDER);
        for (int i = 0; i < ranked.length; i++) verdicts.set(i, ranked[i].verdict());
    }

    /** A verdict with its entity's place in the hierarchy and its indicator's in the catalogue. */
    private record Ranked(int entity, int indicator, Verdict verdict) {
        /** Entity rank, code, indicator rank, indicator, part (none first): written out, not a chain of key extractors. */
        static final Comparator<Ranked> ORDER = (a, b) -> {
            int c = Integer.compare(a.entity, b.entity);
            if (c == 0) c = a.verdict.getEntityCode().compareTo(b.verdict.getEntityCode());
            if (c == 0) c = Integer.compare(a.indicator, b.indicator);
            if (c == 0) c = a.verdict.getIndicator().compareTo(b.verdict.getIndicator());
            if (c == 0) c = part(a).compareTo(part(b));
            return c;
        };

        private static String part(Ranked r) {
            return r.verdict.getPart() == null ? "" : r.verdict.getPart();
        }
    }

    public RuleBase rules() { return rules; }

    public SessionLimits limits() { return watch.limits(); }

    /** A future's result, failing as soon as one of this evaluator's sessions outruns its time; a task's Error is thrown as it is. */
    <T> T await(Future<T> f) {
        return watch.await(f);
    }

    /** Fails when one of this evaluator's sessions has outrun its time (for a thread that waits on something else). */
    void watchRunning() {
        watch.checkRunning();
    }

    /** A pool of daemon threads: a session stuck in a rule's own loop must not keep the process alive once the run has ended. */
    static ExecutorService workers(int n) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "evaluate-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() { return threads; }

    private List<Verdict> run(Partition p, SessionContext context, Tallies tallies) {
        Facts facts = context.facts();
        Environment env = KieServices.Factory.get().newEnvironment();
        env.set(SessionContext.KEY, context.forSession(tallies));
        KieSession session = rules.kieBase().newKieSession(sessionConfiguration, env);
        SessionWatch.Running watched = watch.start(p.name(), session);
        try {
            for (Param param : facts.params()) session.insert(param);
            for (Entity e : p.subjects()) {
                if (e.getKind() == null || insertKinds.contains(e.getKind())) session.insert(e);
                if (insertMetrics) for (Metric m : facts.metricsOf(e.getCode())) session.insert(m);
            }
            watched.fire();
            List<Verdict> out = new ArrayList<>();
            for (Object o : session.getObjects(new ClassObjectFilter(Verdict.class))) out.add((Verdict) o);
            return out;
        } finally {
            watched.end();
            session.dispose();
        }
    }

    /** Counties with their schools and classes; then everything above the counties in one partition. */
    static List<Partition> partition(Dataset data) {
        List<Partition> parts = new ArrayList<>();
        Partitions p = partitions(data.entities());
        if (!p.upper().subjects().isEmpty()) parts.add(p.upper());
        parts.addAll(p.counties());
        return parts;
    }

    /** The partitions of a set of entities: the regions above the counties, and each county with its schools and classes. */
    public record Partitions(Partition upper, List<Partition> counties) {}

    /**
     * Splits entities into the regions above the counties (one partition, {@link #UPPER}) and one
     * partition per county, named by the county's code, holding the county, its schools and their
     * classes, in the order given. Schools whose county is not among the entities form a partition
     * named by the county code they give; classes whose school is absent one named {@code ?} and the
     * school's code.
     */
    public static Partitions partitions(Map<String, Entity> all) {
        Map<String, List<Entity>> byCounty = new LinkedHashMap<>();
        List<Entity> upper = new ArrayList<>();
        for (Entity e : all.values()) {
            switch (e.getKind()) {
                case NATION, PROVINCE, CITY -> upper.add(e);
                case COUNTY -> byCounty.computeIfAbsent(e.getCode(), k -> new ArrayList<>()).add(e);
                case SCHOOL -> byCounty.computeIfAbsent(String.valueOf(e.getParentCode()), k -> new ArrayList<>()).add(e);
                case CLASS -> {
                    Entity school = all.get(e.getParentCode());
                    String county = school == null ? "?" + e.getParentCode() : String.valueOf(school.getParentCode());
                    byCounty.computeIfAbsent(county, k -> new ArrayList<>()).add(e);
                }
            }
        }
        List<Partition> counties = new ArrayList<>();
        byCounty.forEach((k, v) -> counties.add(new Partition(k, v)));
        return new Partitions(new Partition(UPPER, upper), counties);
    }

    /** The name of the partition of the regions above the counties. */
    public static final String UPPER = "上级地区";

    /** Regions in hierarchy order (a province, its cities, each city's counties, ...), then schools. */
    static Map<String, Integer> hierarchyRank(Map<String, Entity> entities) {
        Map<String, List<Entity>> kids = new HashMap<>();
        List<Entity> roots = new ArrayList<>();
        for (Entity e : entities.values()) {
            Entity parent = e.getParentCode() == null ? null : entities.get(e.getParentCode());
            if (parent == null) roots.add(e);
            else kids.computeIfAbsent(parent.getCode(), k -> new ArrayList<>()).add(e);
        }
        Comparator<Entity> byKindCode = Comparator.comparing(Entity::getKind).thenComparing(Entity::getCode);
        Comparator<Entity> reversed = byKindCode.reversed();
        roots.sort(byKindCode);
        Map<String, Integer> rank = new HashMap<>(entities.size() * 4 / 3 + 1);
        List<Entity> stack = new ArrayList<>(roots);
        Collections.reverse(stack);
        while (!stack.isEmpty()) {
            Entity e = stack.remove(stack.size() - 1);
            if (rank.putIfAbsent(e.getCode(), rank.size()) != null) continue; // seen (a code in a cycle)
            // a code is ranked once, so its list of children is sorted in place, and a leaf (a class) needs nothing
            List<Entity> c = kids.get(e.getCode());
            if (c == null) continue;
            c.sort(reversed);
            stack.addAll(c);
        }
        return rank;
    }

    /** A verdict's subject: a verdict about a part of an entity (a county's 小学) is its own subject, one per part. */
    private record Subject(String indicator, String entity, String part, int year) {}

    static List<String> duplicates(List<Verdict> verdicts) {
        Set<Subject> seen = new HashSet<>(verdicts.size() * 2);
        List<String> problems = new ArrayList<>();
        for (Verdict v : verdicts) {
            // a record, not a string built per verdict: this runs over every verdict of a run
            if (!seen.add(new Subject(v.getIndicator(), v.getEntityCode(), v.getPart(), v.getYear()))) {
                problems.add("指标 " + v.getIndicator() + " 对 " + v.getEntityCode() + (v.getPart() == null ? "" : "（" + v.getPart() + "）")
                        + "（" + v.getYear()
                        + "年）给出了多个结论：请检查规则是否重复匹配");
            }
        }
        return problems;
    }

    /** The year to evaluate when none is asked for: the latest with data. */
    public static int latestYear(Dataset data) {
        return data.years().isEmpty() ? 0 : data.years().last();
    }
}

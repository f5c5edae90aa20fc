package org.dudao.engine;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Param;
import org.dudao.model.Verdict;
import org.kie.api.KieServices;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates a dataset against a compiled rule base: one session per region partition, sharing the
 * rule base, spread over threads. The partitions: each county with its schools and classes, and one
 * for the regions above the counties (which reach the counties' figures through {@link Facts}).
 */
public final class Evaluator {
    private final RuleBase rules;
    private final int threads;

    public Evaluator(RuleBase rules, int threads) {
        this.rules = rules;
        this.threads = Math.max(1, threads);
    }

    public Evaluation evaluate(Dataset data, int year) {
        Facts facts = new Facts(data);
        SessionContext context = new SessionContext(facts, year, rules.rules(), rules.params());
        List<Partition> partitions = partition(data);
        List<Verdict> verdicts = new ArrayList<>();
        if (threads == 1 || partitions.size() == 1) {
            for (Partition p : partitions) verdicts.addAll(run(p, facts, data, context));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, partitions.size()));
            try {
                List<Future<List<Verdict>>> futures = new ArrayList<>();
                for (Partition p : partitions) futures.add(pool.submit(() -> run(p, facts, data, context)));
                for (Future<List<Verdict>> f : futures) verdicts.addAll(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < rules.catalogue().size(); i++) order.put(rules.catalogue().get(i).id(), i);
        Map<String, Integer> rank = hierarchyRank(data);
        verdicts.sort(Comparator.comparing((Verdict v) -> rank.getOrDefault(v.getEntityCode(), Integer.MAX_VALUE))
                .thenComparing(Verdict::getEntityCode)
                .thenComparing(v -> order.getOrDefault(v.getIndicator(), Integer.MAX_VALUE))
                .thenComparing(Verdict::getIndicator)
                .thenComparing(v -> v.getPart() == null ? "" : v.getPart()));
        return new Evaluation(year, List.copyOf(verdicts), duplicates(verdicts));
    }

    private List<Verdict> run(Partition p, Facts facts, Dataset data, SessionContext context) {
        Environment env = KieServices.Factory.get().newEnvironment();
        env.set(SessionContext.KEY, context);
        KieSession session = rules.kieBase().newKieSession(KieServices.Factory.get().newKieSessionConfiguration(), env);
        try {
            for (Param param : data.params()) session.insert(param);
            for (Entity e : p.subjects()) {
                session.insert(e);
                for (Metric m : facts.metricsOf(e.getCode())) session.insert(m);
            }
            session.fireAllRules();
            List<Verdict> out = new ArrayList<>();
            for (Object o : session.getObjects(new ClassObjectFilter(Verdict.class))) out.add((Verdict) o);
            return out;
        } finally {
            session.dispose();
        }
    }

    /** Counties with their schools and classes; then everything above the counties in one partition. */
    static List<Partition> partition(Dataset data) {
        Map<String, List<Entity>> byCounty = new LinkedHashMap<>();
        List<Entity> upper = new ArrayList<>();
        Map<String, Entity> all = data.entities();
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
        List<Partition> parts = new ArrayList<>();
        if (!upper.isEmpty()) parts.add(new Partition("上级地区", upper));
        byCounty.forEach((k, v) -> parts.add(new Partition(k, v)));
        return parts;
    }

    /** Regions in hierarchy order (a province, its cities, each city's counties, ...), then schools. */
    static Map<String, Integer> hierarchyRank(Dataset data) {
        Map<String, List<Entity>> kids = new HashMap<>();
        List<Entity> roots = new ArrayList<>();
        for (Entity e : data.allEntities()) {
            Entity parent = e.getParentCode() == null ? null : data.entities().get(e.getParentCode());
            if (parent == null) roots.add(e);
            else kids.computeIfAbsent(parent.getCode(), k -> new ArrayList<>()).add(e);
        }
        Comparator<Entity> byKindCode = Comparator.comparing(Entity::getKind).thenComparing(Entity::getCode);
        roots.sort(byKindCode);
        Map<String, Integer> rank = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Entity> stack = new ArrayList<>(roots);
        java.util.Collections.reverse(stack);
        while (!stack.isEmpty()) {
            Entity e = stack.remove(stack.size() - 1);
            if (!seen.add(e.getCode())) continue;
            rank.put(e.getCode(), rank.size());
            List<Entity> c = new ArrayList<>(kids.getOrDefault(e.getCode(), List.of()));
            c.sort(byKindCode.reversed());
            stack.addAll(c);
        }
        return rank;
    }

    private static List<String> duplicates(List<Verdict> verdicts) {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Verdict v : verdicts) {
            // A verdict about a part of an entity (a county's 小学) is its own subject: one per part.
            String key = v.getIndicator() + " " + v.getEntityCode() + " " + v.getPart() + " " + v.getYear();
            if (!seen.add(key)) {
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

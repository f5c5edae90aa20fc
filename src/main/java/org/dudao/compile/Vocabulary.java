package org.dudao.compile;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names a rule may use without {@code --trust-rules}, read from the classes themselves so that a
 * function added to the pattern helpers, or a field added to a fact, needs no second list here:
 * <ul>
 *   <li>pattern functions: the helper class's public static methods whose first parameter is the
 *       rule context ({@code threshold(kcontext, $e, …)}); they give the verdict a rule inserts;</li>
 *   <li>source functions: its public static methods returning a collection ({@code stages()}), for {@code from};</li>
 *   <li>value functions: its other public static methods ({@code value}, {@code share}, {@code sum} …);</li>
 *   <li>chain methods: the expression type's public methods that return an expression ({@code .times(…)});</li>
 *   <li>fact types and their fields (bean properties), and the metadata keys the tools read.</li>
 * </ul>
 */
public record Vocabulary(Set<String> metadataKeys, Map<String, Class<?>> factTypes, Map<Class<?>, Map<String, Class<?>>> fields,
                         String functionsClass, Set<String> patternFunctions, Set<String> sourceFunctions, Set<String> valueFunctions,
                         Set<String> chainMethods, Nearest nearest) {

    /** Up to a few known names close to a misspelt one, nearest first (for “是否应为 …”). */
    @FunctionalInterface
    public interface Nearest {
        List<String> of(String name, Collection<String> known);
    }

    /** The context parameter's name in a pattern function call, as Drools names it in a consequence. */
    public static final String CONTEXT = "kcontext";

    /**
     * @param metadataKeys the {@code @key}s the tools read
     * @param functions the class whose functions a rule file imports ({@code import function …Patterns.*})
     * @param expression the type of a value function's result, whose fluent methods may be chained
     * @param context the type of a pattern function's first parameter
     * @param facts the types a condition may match
     */
    public static Vocabulary of(Collection<String> metadataKeys, Class<?> functions, Class<?> expression, Class<?> context,
                                Collection<Class<?>> facts, Nearest nearest) {
        Set<String> pattern = new TreeSet<>();
        Set<String> source = new TreeSet<>();
        Set<String> value = new TreeSet<>();
        for (Method m : functions.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != functions) continue;
            Class<?>[] params = m.getParameterTypes();
            if (params.length > 0 && context.isAssignableFrom(params[0])) pattern.add(m.getName());
            else if (Iterable.class.isAssignableFrom(m.getReturnType())) source.add(m.getName());
            else value.add(m.getName());
        }
        Set<String> chain = new TreeSet<>();
        for (Method m : expression.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && expression.isAssignableFrom(m.getReturnType())) chain.add(m.getName());
        }
        Map<String, Class<?>> types = new LinkedHashMap<>();
        Map<Class<?>, Map<String, Class<?>>> fields = new LinkedHashMap<>();
        for (Class<?> f : facts) {
            types.put(f.getSimpleName(), f);
            types.put(f.getName(), f);
            fields.put(f, properties(f));
        }
        return new Vocabulary(sorted(metadataKeys), Map.copyOf(types), Map.copyOf(fields), functions.getName(), sorted(pattern),
                sorted(source), sorted(value), sorted(chain), nearest);
    }

    /** In alphabetical order, so that messages listing them read the same every time. */
    private static Set<String> sorted(Collection<String> names) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    /** A fact type's fields: its bean properties with a getter ({@code getClass} is not one). */
    private static Map<String, Class<?>> properties(Class<?> type) {
        Map<String, Class<?>> out = new TreeMap<>();
        try {
            for (PropertyDescriptor d : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
                if (d.getReadMethod() != null) out.put(d.getName(), d.getPropertyType());
            }
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The package of the fact types, whose classes a rule file may import. */
    public String modelPackage() {
        return factTypes.values().iterator().next().getPackageName();
    }

    /** The simple names of the fact types, in a stable order (for messages). */
    public List<String> factNames() {
        return factTypes.keySet().stream().filter(n -> !n.contains(".")).sorted().toList();
    }
}

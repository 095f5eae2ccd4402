package it.org.provegateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The test suite's class order (set as {@code junit.jupiter.testclass.order.default} in junit-platform.properties):
 * the order JUnit found the classes in, except that classes marked {@link Last} run after all others. Failsafe runs
 * every IT class in one JUnit launch against one server, so a {@link Last} class sees what the whole suite left in
 * the server's logs and database.
 */
public class SuiteOrder implements ClassOrderer {

    /** Runs after every other test class of the suite. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Last {
    }

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: unmarked classes keep their order.
        context.getClassDescriptors().sort(Comparator.comparing(c -> c.isAnnotated(Last.class)));
    }
}

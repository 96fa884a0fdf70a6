package io.meterflow.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The structure every Meterflow module keeps, checked on its own compiled classes by a test of its
 * own ({@code ArchitectureTest}, which {@code ModulesCheckTheirArchitectureTest} requires of every
 * module with code):
 * <ul>
 *   <li>no cycle between the packages under the module's root package: features depend on each
 *       other in one direction, so each can be understood, tested and moved on its own;</li>
 *   <li>no class uses another module's {@code internal} packages: public-but-not-API code stays
 *       where it is;</li>
 *   <li>services and DAOs speak the domain: they throw domain exceptions, never an HTTP status or
 *       anything of JAX-RS, which the HTTP layer maps in one place.</li>
 * </ul>
 */
public final class MeterflowArchitecture {

    private MeterflowArchitecture() {}

    /** The classes the module compiled (surefire runs in the module's directory). */
    public static JavaClasses moduleClasses() {
        Path classes = Path.of("target", "classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no compiled classes at " + classes.toAbsolutePath());
        }
        return new ClassFileImporter().importPath(classes);
    }

    /** Checks every rule on the module's classes; {@code rootPackage} is the module's own, e.g. {@code io.meterflow.collector}. */
    public static void check(String rootPackage) {
        check(rootPackage, moduleClasses());
    }

    /**
     * Checks every rule on the classes of {@code rootPackage} found on the class path: for a module
     * this one depends on, which cannot depend on this one in turn.
     */
    public static void checkOnClassPath(String rootPackage) {
        check(rootPackage, new ClassFileImporter().importPackages(rootPackage));
    }

    private static void check(String rootPackage, JavaClasses classes) {
        for (ArchRule rule :
                List.of(noPackageCycles(rootPackage), noOtherModulesInternals(), servicesSpeakTheDomain())) {
            rule.check(classes);
        }
    }

    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..")
                .namingSlices("package $1")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .because("features depend on each other in one direction");
    }

    public static ArchRule noOtherModulesInternals() {
        return classes()
                .should(new ArchCondition<JavaClass>("use only their own module's internal packages") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            int internal = target.indexOf(".internal");
                            if (internal >= 0
                                    && target.startsWith("io.meterflow.")
                                    && !origin.getPackageName().startsWith(target.substring(0, internal))) {
                                events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    public static ArchRule servicesSpeakTheDomain() {
        return noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .or()
                .haveSimpleNameEndingWith("Dao")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("ApiException")
                .allowEmptyShould(true)
                .because("HTTP statuses are the API's to choose, in one place");
    }
}

package jp.cartflow.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every constant of a process descriptor (a class named *Process with a {@code KEY}) exists in its BPMN file
 * bpmn/KEY.bpmn: element ids, message names, called process keys (as an attribute value) and decision values
 * (as a quoted literal in a condition). Variables (nested {@code Var}) are left out:
 * they live in expressions or code. A renamed element in the modeler fails the build here, not in production.
 */
@DisplayName("Architecture: process descriptors match their BPMN")
class ProcessDescriptorTest {

    @Test
    @DisplayName("every descriptor constant appears in its BPMN (ids, messages, called processes)")
    void constantsExistInBpmn() throws Exception {
        List<String> missing = new ArrayList<>();
        int descriptors = 0;
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.cartflow")) {
            if (!c.getSimpleName().endsWith("Process") || !c.isTopLevelClass()) {
                continue;
            }
            Class<?> type = Class.forName(c.getName());
            Field key;
            try {
                key = type.getDeclaredField("KEY");
            } catch (NoSuchFieldException e) {
                continue;
            }
            key.setAccessible(true);
            Path bpmn = Path.of("bpmn", key.get(null) + ".bpmn");
            assertThat(bpmn).as("BPMN of " + c.getSimpleName()).exists();
            String xml = Files.readString(bpmn);
            descriptors++;
            for (Field f : type.getDeclaredFields()) {
                if (f.getType() != String.class || !Modifier.isStatic(f.getModifiers())
                        || !Modifier.isFinal(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                String value = (String) f.get(null);
                if (!xml.contains("\"" + value + "\"") && !xml.contains("'" + value + "'")) {
                    missing.add(c.getSimpleName() + "." + f.getName() + " = " + value + " not in " + bpmn);
                }
            }
        }
        assertThat(descriptors).as("process descriptors found").isGreaterThanOrEqualTo(4);
        assertThat(missing).isEmpty();
    }
}

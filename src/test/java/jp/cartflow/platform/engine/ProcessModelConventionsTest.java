package jp.cartflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conventions every model in {@code bpmn/} must follow (STYLE.md examples 2, 6, 7, 11, 12; STACK.md
 * forms pitfalls). Generic over all files, so a new process is checked the moment it is added.
 * Reads the files from the working tree (Maven runs tests in the project directory); no engine needed.
 */
class ProcessModelConventionsTest {

  private static final Path BPMN_DIR = Path.of("bpmn");
  private static final Path FORMS_DIR = Path.of("forms");
  private static final String OPERATORS = "operators";
  private static final int FORM_SCHEMA_VERSION = 16;
  /** What the Modeler generates (Activity_0x1y2z3, Flow_1abcde9 …): tells a reader nothing. */
  private static final Pattern GENERATED_ID =
      Pattern.compile("^(Activity|Event|Gateway|StartEvent|EndEvent|Task|Flow)_[0-9a-z]{6,7}$");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void thereAreModelsToCheck() {
    assertThat(bpmnFiles()).as("bpmn/*.bpmn").isNotEmpty();
  }

  @TestFactory
  Stream<DynamicNode> everyModelFollowsTheConventions() {
    Map<String, JsonNode> formsById = formsById();
    return bpmnFiles().stream().map(file -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      return DynamicContainer.dynamicContainer(file.getFileName().toString(), Stream.of(
          dynamicTest("file name = process id, process executable with historyTimeToLive",
              () -> processesAreExecutableWithHistoryTimeToLive(file, model)),
          dynamicTest("service and send tasks use camunda:delegateExpression only",
              () -> serviceTasksUseDelegateExpressions(model)),
          dynamicTest("no script tasks", () -> assertThat(ids(model.getModelElementsByType(ScriptTask.class)))
              .as("script tasks (business logic belongs in Java)").isEmpty()),
          dynamicTest("user tasks: candidateGroups operators, deployed Camunda Form",
              () -> userTasksUseOperatorForms(model, formsById)),
          dynamicTest("diagram: a shape for every flow node, an edge for every sequence flow",
              () -> everyElementIsDrawn(model)),
          dynamicTest("chosen ids, not generated ones", () -> idsAreChosen(model))));
    });
  }

  private static void processesAreExecutableWithHistoryTimeToLive(Path file, BpmnModelInstance model) {
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).as("processes in %s", file).isNotEmpty();
    assertThat(processes).allSatisfy(process -> {
      assertThat(process.isExecutable()).as("%s isExecutable", process.getId()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString())
          .as("%s camunda:historyTimeToLive", process.getId()).isNotBlank();
    });
    if (processes.size() == 1) {
      assertThat(file.getFileName().toString())
          .as("file name of process %s", processes.iterator().next().getId())
          .isEqualTo(processes.iterator().next().getId() + ".bpmn");
    }
  }

  private static void serviceTasksUseDelegateExpressions(BpmnModelInstance model) {
    List<Wiring> wirings = new ArrayList<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      wirings.add(new Wiring(task.getId(), task.getCamundaDelegateExpression(), task.getCamundaClass(),
          task.getCamundaExpression(), task.getCamundaType(), hasConnector(task)));
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      wirings.add(new Wiring(task.getId(), task.getCamundaDelegateExpression(), task.getCamundaClass(),
          task.getCamundaExpression(), task.getCamundaType(), hasConnector(task)));
    }
    assertThat(wirings).allSatisfy(w -> {
      assertThat(w.delegateExpression()).as("%s camunda:delegateExpression", w.id())
          .isNotBlank().matches("^\\$\\{[A-Za-z][A-Za-z0-9]*}$");
      assertThat(w.className()).as("%s camunda:class", w.id()).isNull();
      assertThat(w.expression()).as("%s camunda:expression", w.id()).isNull();
      assertThat(w.type()).as("%s camunda:type (external task)", w.id()).isNull();
      assertThat(w.connector()).as("%s camunda:connector", w.id()).isFalse();
    });
  }

  private static void userTasksUseOperatorForms(BpmnModelInstance model, Map<String, JsonNode> formsById) {
    assertThat(model.getModelElementsByType(UserTask.class)).allSatisfy(task -> {
      String id = task.getId();
      assertThat(task.getCamundaCandidateGroupsList()).as("%s camunda:candidateGroups", id).contains(OPERATORS);
      assertThat(task.getCamundaFormKey()).as("%s camunda:formKey (use formRef)", id).isNull();
      assertThat(task.getCamundaFormRefBinding()).as("%s camunda:formRefBinding", id).isEqualTo("deployment");
      String formRef = task.getCamundaFormRef();
      assertThat(formRef).as("%s camunda:formRef", id).isNotBlank();
      assertThat(formsById).as("forms/*.form with \"id\": \"%s\" (from %s)", formRef, id).containsKey(formRef);
      JsonNode form = formsById.get(formRef);
      assertThat(form.path("type").asText()).as("form %s \"type\"", formRef).isEqualTo("default");
      assertThat(form.path("schemaVersion").asInt()).as("form %s \"schemaVersion\"", formRef)
          .isEqualTo(FORM_SCHEMA_VERSION);
    });
  }

  private static void everyElementIsDrawn(BpmnModelInstance model) {
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(BpmnShape::getBpmnElement).filter(Objects::nonNull).map(BaseElement::getId)
        .collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(BpmnEdge::getBpmnElement).filter(Objects::nonNull).map(BaseElement::getId)
        .collect(Collectors.toSet());
    assertThat(ids(model.getModelElementsByType(FlowNode.class)))
        .as("flow nodes without a BPMNShape").allMatch(shapes::contains);
    assertThat(ids(model.getModelElementsByType(SequenceFlow.class)))
        .as("sequence flows without a BPMNEdge").allMatch(edges::contains);
  }

  private static void idsAreChosen(BpmnModelInstance model) {
    List<String> generated = Stream.concat(
            ids(model.getModelElementsByType(FlowNode.class)).stream(),
            ids(model.getModelElementsByType(SequenceFlow.class)).stream())
        .filter(id -> GENERATED_ID.matcher(id).matches())
        .toList();
    assertThat(generated).as("generated ids").isEmpty();
  }

  private static boolean hasConnector(BaseElement element) {
    return element.getExtensionElements() != null
        && !element.getExtensionElements().getElementsQuery().filterByType(CamundaConnector.class).list().isEmpty();
  }

  private static List<String> ids(Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).toList();
  }

  private static List<Path> bpmnFiles() {
    File[] files = BPMN_DIR.toFile().listFiles((dir, name) -> name.endsWith(".bpmn"));
    return files == null ? List.of() : Arrays.stream(files).map(File::toPath).sorted().toList();
  }

  private static Map<String, JsonNode> formsById() {
    Map<String, JsonNode> forms = new HashMap<>();
    if (!Files.isDirectory(FORMS_DIR)) {
      return forms;
    }
    try (Stream<Path> paths = Files.list(FORMS_DIR)) {
      for (Path path : paths.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        JsonNode form = JSON.readTree(path.toFile());
        String id = form.path("id").asText("");
        assertThat(id).as("\"id\" of %s", path).isNotBlank();
        assertThat(forms.put(id, form)).as("form id %s declared twice (%s)", id, path).isNull();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  private record Wiring(String id, String delegateExpression, String className, String expression, String type,
      boolean connector) {}
}

package jp.cartflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Diagrams an analyst can read: the text bpmn.io draws must not overlap a shape, an edge or another
 * text, and the marker icon in a task's top-left corner must not cover the task's name.
 *
 * <p>The test recomputes the box bpmn.io draws the text in, instead of trusting the label bounds in
 * the diagram interchange: bpmn.io centres an external label (events, gateways, flows) on the
 * centre of its DI bounds, from their top, wrapped at 100 px in an 11 px font (both measured on the rendered pictures); a task's name is
 * wrapped inside the task minus 10 px padding in a 12 px font and centred vertically. A Japanese
 * character is as wide as the font size, a Latin one about half of it.
 */
class DiagramLayoutTest {

  private static final Path BPMN_DIR = Path.of("bpmn");
  private static final double EXTERNAL_FONT = 11;
  private static final double TASK_FONT = 12;
  private static final double LINE_HEIGHT = 1.2;
  private static final double EXTERNAL_WIDTH = 100;
  private static final double TASK_PADDING = 10;
  /** the marker (gear, person, envelope …) bpmn.io draws at the task's top-left corner */
  private static final double ICON_SIZE = 32;
  /** text must keep this distance from lines and shapes */
  private static final double MARGIN = 2;

  record Box(double x, double y, double w, double h) {
    boolean intersects(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    Box grow(double d) {
      return new Box(x - d, y - d, w + 2 * d, h + 2 * d);
    }

    boolean crossedBy(double x1, double y1, double x2, double y2) {
      // axis-aligned segments are what our layouts use; sample any other segment
      int steps = (int) Math.max(1, Math.hypot(x2 - x1, y2 - y1));
      for (int i = 0; i <= steps; i++) {
        double px = x1 + (x2 - x1) * i / steps;
        double py = y1 + (y2 - y1) * i / steps;
        if (px > x && px < x + w && py > y && py < y + h) {
          return true;
        }
      }
      return false;
    }

    static Box of(Bounds b) {
      return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }
  }

  record Text(String owner, String text, Box box) {}

  @TestFactory
  Stream<DynamicNode> everyDiagram() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(BPMN_DIR)) {
      files = list.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      return org.junit.jupiter.api.DynamicContainer.dynamicContainer(file.getFileName().toString(), Stream.of(
          dynamicTest("no text overlaps a shape, an edge or another text", () -> assertThat(overlaps(model)).isEmpty()),
          dynamicTest("no task marker covers the task's name", () -> assertThat(iconsOverText(model)).isEmpty()),
          dynamicTest("merge gateways carry no name", () -> assertThat(namedMerges(model)).isEmpty())));
    });
  }

  static List<String> overlaps(BpmnModelInstance model) {
    List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
    List<BpmnEdge> edges = new ArrayList<>(model.getModelElementsByType(BpmnEdge.class));
    List<Text> texts = texts(model);
    List<String> problems = new ArrayList<>();
    for (Text t : texts) {
      Box box = t.box().grow(MARGIN);
      for (BpmnShape s : shapes) {
        BaseElement e = s.getBpmnElement();
        if (e instanceof SubProcess || e instanceof Task && e.getId().equals(t.owner())) {
          continue; // a task's own name is inside it by design; a sub-process frame holds texts
        }
        if (e instanceof Task || s.getBounds() != null && !(e instanceof SubProcess)) {
          if (!(e instanceof Task && e.getId().equals(t.owner())) && box.intersects(Box.of(s.getBounds()))) {
            problems.add(t.owner() + " 「" + t.text() + "」 overlaps shape " + e.getId());
          }
        }
      }
      for (BpmnEdge edge : edges) {
        List<Waypoint> w = new ArrayList<>(edge.getWaypoints());
        for (int i = 0; i + 1 < w.size(); i++) {
          if (t.box().crossedBy(w.get(i).getX(), w.get(i).getY(), w.get(i + 1).getX(), w.get(i + 1).getY())) {
            problems.add(t.owner() + " 「" + t.text() + "」 overlaps edge " + edge.getBpmnElement().getId());
            break;
          }
        }
      }
    }
    for (int i = 0; i < texts.size(); i++) {
      for (int j = i + 1; j < texts.size(); j++) {
        if (texts.get(i).box().intersects(texts.get(j).box())) {
          problems.add(texts.get(i).owner() + " and " + texts.get(j).owner() + " texts overlap");
        }
      }
    }
    return problems;
  }

  /** the texts outside shapes (event, gateway, flow labels) as bpmn.io draws them */
  static List<Text> texts(BpmnModelInstance model) {
    List<Text> texts = new ArrayList<>();
    for (BpmnShape s : model.getModelElementsByType(BpmnShape.class)) {
      if (s.getBpmnElement() instanceof FlowNode node && !(node instanceof Activity)) {
        external(node, s.getBpmnLabel(), s.getBounds()).ifPresent(texts::add);
      }
    }
    for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
      if (e.getBpmnElement() instanceof FlowElement flow) {
        external(flow, e.getBpmnLabel(), null).ifPresent(texts::add);
      }
    }
    return texts;
  }

  private static java.util.Optional<Text> external(FlowElement element, BpmnLabel label, Bounds shape) {
    String name = element.getName();
    if (name == null || name.isBlank()) {
      return java.util.Optional.empty();
    }
    if (label == null || label.getBounds() == null) {
      throw new AssertionError(element.getId() + " has a name but no label bounds in the diagram");
    }
    Bounds b = label.getBounds();
    List<Double> lines = wrap(name, EXTERNAL_WIDTH, EXTERNAL_FONT);
    double width = lines.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double height = lines.size() * EXTERNAL_FONT * LINE_HEIGHT;
    double centre = b.getX() + b.getWidth() / 2;
    return java.util.Optional.of(new Text(element.getId(), name, new Box(centre - width / 2, b.getY(), width, height)));
  }

  static List<String> iconsOverText(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (BpmnShape s : model.getModelElementsByType(BpmnShape.class)) {
      if (!(s.getBpmnElement() instanceof Task task) || task.getName() == null
          || task.getElementType().getTypeName().equals("task")) {
        continue; // a plain task has no marker
      }
      Bounds b = s.getBounds();
      List<Double> lines = wrap(task.getName(), b.getWidth() - 2 * TASK_PADDING, TASK_FONT);
      double lineHeight = TASK_FONT * LINE_HEIGHT;
      double top = b.getY() + (b.getHeight() - lines.size() * lineHeight) / 2;
      Box icon = new Box(b.getX(), b.getY(), ICON_SIZE, ICON_SIZE);
      for (int i = 0; i < lines.size(); i++) {
        double w = lines.get(i);
        Box line = new Box(b.getX() + (b.getWidth() - w) / 2, top + i * lineHeight, w, lineHeight);
        if (line.intersects(icon)) {
          problems.add(task.getId() + " 「" + task.getName() + "」: line " + (i + 1) + " runs under the task marker");
        }
      }
    }
    return problems;
  }

  /** a merge gateway (several ways in, one out) decides nothing, so it must not read like a question */
  static List<String> namedMerges(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (ExclusiveGateway g : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (g.getIncoming().size() > 1 && g.getOutgoing().size() == 1 && g.getName() != null && !g.getName().isBlank()) {
        problems.add(g.getId() + " 「" + g.getName() + "」 merges flows but has a name");
      }
    }
    return problems;
  }

  /** widths of the lines bpmn.io makes of a text: it breaks at spaces, or inside a word that is too long */
  static List<Double> wrap(String text, double maxWidth, double font) {
    List<Double> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      double current = 0;
      for (String word : paragraph.split(" ")) {
        double w = width(word, font);
        double withSpace = current == 0 ? w : current + font * 0.3 + w;
        if (withSpace <= maxWidth) {
          current = withSpace;
          continue;
        }
        if (current > 0) {
          lines.add(current);
          current = 0;
        }
        for (int cp : word.codePoints().toArray()) {
          double c = charWidth(cp, font);
          if (current + c > maxWidth && current > 0) {
            lines.add(current);
            current = 0;
          }
          current += c;
        }
      }
      lines.add(current);
    }
    return lines;
  }

  static double width(String s, double font) {
    return s.codePoints().mapToDouble(cp -> charWidth(cp, font)).sum();
  }

  static double charWidth(int cp, double font) {
    return cp < 0x2E80 || cp >= 0xFF61 && cp <= 0xFF9F ? font * 0.55 : font;
  }
}

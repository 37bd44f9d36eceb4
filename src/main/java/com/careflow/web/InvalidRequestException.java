package com.careflow.web;

import com.careflow.web.ApiProblemHandler.FieldProblem;
import java.util.Comparator;
import java.util.List;

/** A request whose fields break a rule Bean Validation cannot express: answered 400. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  /** Answers 400 naming the problems, in the order of their fields, when there are any. */
  public static void throwIfAny(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems.stream()
          .sorted(Comparator.comparing(FieldProblem::field)).toList());
    }
  }

  public InvalidRequestException(List<FieldProblem> problems) {
    super("Invalid " + problems.stream().map(FieldProblem::field).toList());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}

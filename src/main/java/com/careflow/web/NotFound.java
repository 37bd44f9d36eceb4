package com.careflow.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 404 problem+json naming what was looked for, e.g. "No return numbered RT-2611-0009". */
public final class NotFound {

  private NotFound() {}

  public static ErrorResponseException because(String detail) {
    ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
    notFound.setDetail(detail);
    return notFound;
  }
}

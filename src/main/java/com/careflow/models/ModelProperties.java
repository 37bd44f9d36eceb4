package com.careflow.models;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which models are deployed at start ({@code careflow.models.*}).
 *
 * @param locations patterns of the form {@code classpath*:folder/*.ext} (the models built into
 *     the app) or {@code file:/path/to/folder/*.ext} (a process owner's folder on disk); a
 *     resource is deployed under the name {@code folder/file}, the same whether the app runs
 *     from {@code target/classes}, the packaged jar or a folder
 * @param deploymentName the deployment's name: only resources changed since the last
 *     deployment of this name make new versions
 */
@Validated
@ConfigurationProperties("careflow.models")
public record ModelProperties(
    @NotEmpty
        @DefaultValue({
          "classpath*:processes/*.bpmn",
          "classpath*:processes/*.dmn",
          "classpath*:forms/*.form"
        })
        List<String> locations,
    @NotBlank @DefaultValue("careflow") String deploymentName) {}

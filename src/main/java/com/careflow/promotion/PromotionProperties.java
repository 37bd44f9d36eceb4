package com.careflow.promotion;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Promotion policy from the pay table (薪资薪点表), {@code careflow.promotion.*}.
 *
 * @param topPayLevel the highest pay level of a grade (封顶级别): a PAY_LEVEL promotion needs a
 *     level below it (SPEC §4.2)
 */
@Validated
@ConfigurationProperties("careflow.promotion")
public record PromotionProperties(@DefaultValue("5") @Min(1) @Max(10) int topPayLevel) {}

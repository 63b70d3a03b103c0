package dev.vigil.notify.rule;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What rules may name.
 *
 * @param labels labels a rule may use, besides those already seen on events (the
 * detector's classes)
 */
@ConfigurationProperties("vigil.notification.rules")
public record RuleProperties(@DefaultValue( {
		"person", "vehicle", "animal" }) List<String> labels){

}

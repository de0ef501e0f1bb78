package dev.methodguard.datarest;

import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.annotation.KeySpace;

/**
 * A draft, whose repository is not exported.
 *
 * @param id the id
 * @param text the text
 */
@KeySpace("drafts")
public record Draft(@Id Long id, String text) {
}

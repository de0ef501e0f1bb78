package dev.methodguard.datarest;

import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.annotation.KeySpace;

/**
 * A genre, exported read-only.
 *
 * @param id the id
 * @param name the name
 */
@KeySpace("genres")
public record Genre(@Id Long id, String name) {
}

package org.cagekit.cli;

import java.util.function.Function;
import picocli.CommandLine;

/**
 * A picocli converter for a name that a domain type parses itself ({@code Split.parse}, {@code
 * DistanceMetric.parse}, ...): the parser's IllegalArgumentException, which names the accepted
 * values, becomes a usage error (exit code 2).
 */
abstract class NameConverter<T> implements CommandLine.ITypeConverter<T> {
    private final Function<String, T> parser;

    NameConverter(Function<String, T> parser) {
        this.parser = parser;
    }

    @Override
    public T convert(String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}

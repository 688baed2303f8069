package io.newsflow.query.persistence;

import java.io.IOException;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import com.fasterxml.jackson.databind.json.JsonMapper;

import io.newsflow.contracts.ContractJson;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * jsonb columns (authors, entities, keywords, provenance) are (de)serialised with the contracts' JSON
 * settings, independent of the REST layer's ObjectMapper: what is stored is what was on the topic.
 */
@JsonFormat
@PersistenceUnitExtension
public class JsonColumnsFormat implements FormatMapper {

    private final FormatMapper delegate =
            new JacksonJsonFormatMapper(ContractJson.configure(JsonMapper.builder().build()));

    @Override
    public <T> T fromString(CharSequence value, JavaType<T> javaType, WrapperOptions options) {
        return delegate.fromString(value, javaType, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        return delegate.toString(value, javaType, options);
    }

    @Override
    public boolean supportsSourceType(Class<?> sourceType) {
        return delegate.supportsSourceType(sourceType);
    }

    @Override
    public boolean supportsTargetType(Class<?> targetType) {
        return delegate.supportsTargetType(targetType);
    }

    @Override
    public <T> void writeToTarget(T value, JavaType<T> javaType, Object target, WrapperOptions options)
            throws IOException {
        delegate.writeToTarget(value, javaType, target, options);
    }

    @Override
    public <T> T readFromSource(JavaType<T> javaType, Object source, WrapperOptions options) throws IOException {
        return delegate.readFromSource(javaType, source, options);
    }
}

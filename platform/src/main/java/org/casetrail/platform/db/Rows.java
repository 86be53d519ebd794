package org.casetrail.platform.db;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row onto a view record by name ({@code opened_at} fills {@code openedAt}, a column named as the component
 * fills it too): timestamptz columns become {@link Instant}s, text columns enums; SQL NULL is null, and refused
 * for a primitive component (as Spring's own mapper refuses it).
 * <p>
 * Written for the read path: each record's constructor and components are looked up once, and each result set's
 * columns once, by their labels. (Spring's {@code DataClassRowMapper} did the same work by asking the driver for
 * columns that are not there and for conversions it does not offer: two exceptions thrown and caught per field of
 * every row, which cost a 250-row read 20 ms.)
 */
public final class Rows {

    /** For a component of a type read by none of the cases below (Instants are read as timestamps there). */
    private static final DefaultConversionService CONVERSIONS = new DefaultConversionService();

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private Rows() {
    }

    /** A mapper onto {@code type}, a record whose components are named as the columns (in camel case). */
    public static <T> RowMapper<T> as(Class<T> type) {
        return new RecordMapper<>(type, SHAPES.get(type));
    }

    /** A record's canonical constructor, and its components' names (as columns) and types. */
    private record Shape(Constructor<?> constructor, String[] names, String[] columns, Class<?>[] types) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(constructor, Arrays.stream(components).map(RecordComponent::getName)
                                                    .toArray(String[]::new),
                                 Arrays.stream(components).map(c -> underscored(c.getName())).toArray(String[]::new),
                                 types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("A record without its canonical constructor: " + type.getName(), e);
            }
        }

        private static String underscored(String name) {
            StringBuilder column = new StringBuilder(name.length() + 4);
            for (char c : name.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    column.append('_').append(Character.toLowerCase(c));
                } else {
                    column.append(c);
                }
            }
            return column.toString();
        }
    }

    /** The column of each component in one result set. */
    private record Columns(ResultSet resultSet, int[] index) {
    }

    private static final class RecordMapper<T> implements RowMapper<T> {

        private final Class<T> type;
        private final Shape shape;
        private volatile Columns columns;

        RecordMapper(Class<T> type, Shape shape) {
            this.type = type;
            this.shape = shape;
        }

        @Override
        public T mapRow(ResultSet rs, int rowNum) throws SQLException {
            Columns known = columns;
            if (known == null || known.resultSet() != rs) {
                known = new Columns(rs, locate(rs.getMetaData()));
                columns = known;
            }
            Object[] args = new Object[shape.types().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = value(rs, known.index()[i], shape.types()[i]);
                if (args[i] == null && shape.types()[i].isPrimitive()) {
                    throw new IllegalStateException("NULL in column " + shape.columns()[i] + " for "
                                                    + type.getSimpleName() + "." + shape.names()[i]);
                }
            }
            try {
                return type.cast(shape.constructor().newInstance(args));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("Cannot make a " + type.getSimpleName() + " of row " + rowNum,
                                                e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make a " + type.getSimpleName(), e);
            }
        }

        private int[] locate(ResultSetMetaData metaData) throws SQLException {
            Map<String, Integer> byLabel = new HashMap<>();
            for (int column = metaData.getColumnCount(); column >= 1; column--) {
                // The first column of a label wins, as the driver's own lookup does.
                byLabel.put(metaData.getColumnLabel(column).toLowerCase(Locale.ROOT), column);
            }
            int[] index = new int[shape.names().length];
            for (int i = 0; i < index.length; i++) {
                Integer found = byLabel.get(shape.columns()[i]);
                if (found == null) {
                    found = byLabel.get(shape.names()[i].toLowerCase(Locale.ROOT));
                }
                if (found == null) {
                    throw new IllegalStateException("No column " + shape.columns()[i] + " for "
                                                    + type.getSimpleName() + "." + shape.names()[i]);
                }
                index[i] = found;
            }
            return index;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object value(ResultSet rs, int column, Class<?> wanted) throws SQLException {
            if (wanted == String.class) {
                return rs.getString(column);
            }
            if (wanted == Instant.class) {
                Timestamp at = rs.getTimestamp(column);
                return at == null ? null : at.toInstant();
            }
            if (wanted == LocalDate.class) {
                return rs.getObject(column, LocalDate.class);
            }
            if (wanted.isEnum()) {
                String name = rs.getString(column);
                return name == null || name.isBlank() ? null
                        : Enum.valueOf((Class<? extends Enum>) wanted, name.trim());
            }
            if (wanted == long.class || wanted == Long.class) {
                long n = rs.getLong(column);
                return rs.wasNull() ? null : n;
            }
            if (wanted == int.class || wanted == Integer.class) {
                int n = rs.getInt(column);
                return rs.wasNull() ? null : n;
            }
            if (wanted == boolean.class || wanted == Boolean.class) {
                boolean b = rs.getBoolean(column);
                return rs.wasNull() ? null : b;
            }
            if (wanted == double.class || wanted == Double.class) {
                double d = rs.getDouble(column);
                return rs.wasNull() ? null : d;
            }
            Object value = JdbcUtils.getResultSetValue(rs, column, wanted);
            return value == null || wanted.isInstance(value) ? value : CONVERSIONS.convert(value, wanted);
        }
    }
}

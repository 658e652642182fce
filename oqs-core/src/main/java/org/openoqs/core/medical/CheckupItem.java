package org.openoqs.core.medical;

/**
 * One item of a 特定健診 result ({@code HealthCheckupResultAndQuestionInfo}).
 *
 * @param code      JLAC10-style 17-character item code ({@code ItemCode})
 * @param name      項目名 ({@code ItemName})
 * @param dataType  {@code PQ} (number with unit), {@code CD} (coded answer) or {@code ST} (text)
 * @param value     the value as written ({@code DataValue})
 * @param unit      単位 ({@code Unit}), null for CD/ST
 * @param valueName label of a coded value ({@code DataValueName}), null otherwise
 */
public record CheckupItem(String code, String name, String dataType, String value, String unit, String valueName) {
}

package org.openoqs.server.operator;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.notice.Notice;
import org.openoqs.server.notice.NoticeRejectedException;
import org.openoqs.server.notice.NoticeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * お知らせ management by the central service's operator, behind the operator chain ({@link OperatorApiSecurity}):
 * <ul>
 *   <li>{@code POST /api/v1/operator/notices} — {@code {title, body, institutionCode?, from?, until?}} → 201 with
 *       the notice (no institution code: every facility; no {@code from}: now; no {@code until}: until withdrawn);</li>
 *   <li>{@code GET /api/v1/operator/notices} — the notices shown now or later;</li>
 *   <li>{@code DELETE /api/v1/operator/notices/{id}} — withdraws one (404 {@code OQSF9405} when unknown).</li>
 * </ul>
 * {@link NoticeService} audits PUBLISH / WITHDRAW with the operator's certificate as the actor.
 */
@RestController
@RequestMapping("/api/v1/operator/notices")
public class OperatorNoticeController {

    /** Audience of a notice addressed to no facility in particular. */
    public static final String EVERY_FACILITY = "ALL";

    private final NoticeService notices;
    private final Clock clock;

    public OperatorNoticeController(NoticeService notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    public record PublishRequest(String title, String body, String institutionCode, OffsetDateTime from,
                                 OffsetDateTime until) {
    }

    /** A notice as the operator sees it; times are ISO-8601 instants, {@code until} null = until withdrawn. */
    public record NoticeView(long id, String audience, String title, String body, String from, String until) {

        static NoticeView of(Notice n) {
            return new NoticeView(n.id(), n.institutionCode() == null ? EVERY_FACILITY : n.institutionCode(), n.title(),
                    n.body(), n.publishedFrom().toString(),
                    n.publishedUntil() == null ? null : n.publishedUntil().toString());
        }
    }

    public record NoticeList(List<NoticeView> notices) {
    }

    @PostMapping
    public ResponseEntity<NoticeView> publish(@AuthenticationPrincipal OperatorPrincipal operator,
                                              @RequestBody PublishRequest request) {
        String code = request.institutionCode() == null || request.institutionCode().isBlank()
                ? null : request.institutionCode().strip();
        Instant from = request.from() == null ? clock.instant() : request.from().toInstant();
        Instant until = request.until() == null ? null : request.until().toInstant();
        Notice notice = notices.publish(code, request.title(), request.body(), from, until, operator.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(NoticeView.of(notice));
    }

    @GetMapping
    public NoticeList list(@AuthenticationPrincipal OperatorPrincipal operator) {
        return new NoticeList(notices.scheduled().stream().map(NoticeView::of).toList());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> withdraw(@AuthenticationPrincipal OperatorPrincipal operator, @PathVariable long id) {
        if (!notices.withdraw(id, operator.actor())) {
            throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOTICE_NOT_FOUND, "番号: " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> notANumber(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(ApiError.of(ErrorCode.MALFORMED_JSON, "お知らせの番号は数字で指定してください"));
    }

    @ExceptionHandler(NoticeRejectedException.class)
    ResponseEntity<ApiError> rejected(NoticeRejectedException e) {
        return ResponseEntity.badRequest().body(ApiError.of(e.errorCode()));
    }
}

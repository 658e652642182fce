package org.openoqs.core.message;

/** 資格確認 個別照会 ({@code OQSsiquc01req_}): one person looked up by the numbers of their insurance. */
public record QualificationInquiryRequest(RequestHeader header, QualificationConfirmSearchInfo searchInfo) {
}

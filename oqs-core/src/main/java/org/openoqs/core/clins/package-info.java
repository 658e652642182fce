/**
 * 電子カルテ情報共有サービス (CLINS): bundle identifiers and the synthetic 6情報.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.clins;

import org.openoqs.core.Internal;

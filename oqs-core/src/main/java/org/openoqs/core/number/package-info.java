/**
 * Numbers and their check digits: 保険者番号, 医療機関コード and the modulus-10 rule behind them.
 *
 * <p><b>Published</b> (docs/core-api.md): a vendor may build on every public type here; a change to it is a
 * breaking change of openoqs and is announced.
 */
package org.openoqs.core.number;

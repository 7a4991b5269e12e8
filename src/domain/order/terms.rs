//! Payment terms on the order screen: deferral, limit, open and overdue
//! invoices, and whether this order would pass the limit.

use crate::domain::{Invoice, Money, Store};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct PaymentTerms {
    pub deferral_days: u16,
    /// Zero: no credit limit set.
    pub limit: Money,
    pub open: Money,
    pub open_count: usize,
    pub overdue: Money,
    pub overdue_count: usize,
    /// Open invoices plus this order exceed the limit.
    pub over_limit: bool,
}

pub fn payment_terms(
    store: &Store,
    invoices: &[Invoice],
    today: NaiveDate,
    order_value: Money,
) -> PaymentTerms {
    let open: Vec<&Invoice> = invoices.iter().filter(|i| i.is_open()).collect();
    let overdue: Vec<&&Invoice> = open.iter().filter(|i| i.is_overdue(today)).collect();
    let open_sum: i64 = open.iter().map(|i| i.open_amount().0).sum();
    PaymentTerms {
        deferral_days: store.deferral_days,
        limit: store.credit_limit,
        open: Money(open_sum),
        open_count: open.len(),
        overdue: Money(overdue.iter().map(|i| i.open_amount().0).sum()),
        overdue_count: overdue.len(),
        over_limit: store.credit_limit.0 > 0 && open_sum + order_value.0 > store.credit_limit.0,
    }
}

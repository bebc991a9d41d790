export const settings = {
  /** Shown in the header, footer and PDF running header. */
  municipality: "Exempelkommun",
  /** The administration that writes the report. */
  administration: "Arbetsmarknadsf\xF6rvaltningen",
  /** The committee the report goes to. */
  committee: "Arbetsmarknadsn\xE4mnden",
  /**
   * Report months (1–12) whose edition carries adult-education statistics. The committee meets the month after the
   * report month, so report months 1, 4, 8, 10 are the meetings of February, May, September and November.
   */
  vuxReportMonths: [1, 4, 8, 10],
  /**
   * Per vux edition, the study period for admissions and the admission-date range for grundläggande courses, as the
   * adult-education unit reports them. Without an entry: the period running at the end of the month and the 91 days
   * before it.
   */
  vuxEditions: {
    "2023-08": { period: "2023-4", grundlaggande: ["2023-06-09", "2023-08-16"] }
  },
  /** Monthly series start in this month of the year two years before the report month (2 = February). */
  windowStartMonth: 2,
  /** Day of the month the BI team extracts a delivery. */
  deliveryDay: 5,
  /**
   * How long a record-level delivery is kept (gallring), in months after its delivery date: `npm run gallra` disposes
   * of older ones. Published editions keep their numbers in their frozen records; drafts keep their own delivery.
   */
  retentionMonths: 24
};

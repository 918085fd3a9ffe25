// When money sent over a network is expected to arrive: Stripe's "Money movement
// timelines" (docs.stripe.com/treasury/money-movement/timelines). Banking days
// are the Federal Reserve's (weekdays that are not Fed holidays), on the
// calendar of the partner bank's cutoffs, US Central time:
// - ach: submitted the same banking day before 6pm Central, arriving the next
//   banking day ("Monday → Tuesday, Friday → Monday, Saturday or Sunday → Tuesday");
// - us_domestic_wire: before 3pm Central, arriving the same banking day
//   ("Saturday or Sunday → Monday");
// - stripe: "post immediately and arrive ... within minutes, both during and
//   outside of business hours".
// A request after the cutoff, or on a day that is not a banking day, is
// submitted the next banking day. Pure: the caller passes the time.
import { isAHoliday } from '@18f/us-federal-holidays';

/** The networks a money movement's timeline depends on (card flows have none). */
export type TimelineNetwork = 'ach' | 'us_domestic_wire' | 'stripe';

const ZONE = 'America/Chicago';
/** Minutes after local midnight at which each bank network stops taking the day's requests. */
const CUTOFF_MINUTES: Record<Exclude<TimelineNetwork, 'stripe'>, number> = { ach: 18 * 60, us_domestic_wire: 15 * 60 };
/** "Arrival date (by end of business day)": the instant reported is 5pm Central on the arrival day. */
const END_OF_BUSINESS_HOUR = 17;

/** A calendar day, in Central time. */
interface Day {
  year: number;
  month: number; // 1..12
  day: number;
}

const centralFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function central(at: Date): Day & { minutes: number } {
  const parts: Record<string, number> = {};
  for (const p of centralFormat.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, minutes: parts.hour! * 60 + parts.minute! };
}

function asUtcMidnight(d: Day): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function nextDay(d: Day): Day {
  const next = new Date(asUtcMidnight(d).getTime() + 24 * 3600 * 1000);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/**
 * Whether a Central-time calendar day is a Federal Reserve banking day. The Fed
 * observes a Sunday holiday on the Monday after, but stays open on the Friday
 * before a Saturday holiday, unlike federal offices (hence the two options).
 */
function isBankingDay(d: Day): boolean {
  const date = asUtcMidnight(d);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const key = d.year * 10_000 + d.month * 100 + d.day;
  let holiday = holidays.get(key);
  if (holiday === undefined) {
    holiday = isAHoliday(date, { shiftSaturdayHolidays: false, shiftSundayHolidays: true, utc: true });
    if (holidays.size >= HOLIDAY_MEMO_DAYS) holidays.clear();
    holidays.set(key, holiday);
  }
  return !holiday;
}

/**
 * isAHoliday's answers by day. It works out two whole years of holidays (through dayjs) on every
 * call, which was about 3 % of a money movement's CPU; the days asked about are few (today and
 * the next few). A plain map emptied at a bound, rather than an LRU cache: the answers never
 * change, so which ones are kept does not matter, only that it never grows without end.
 */
const holidays = new Map<number, boolean>();
const HOLIDAY_MEMO_DAYS = 10_000;

function nextBankingDay(d: Day): Day {
  let day = nextDay(d);
  while (!isBankingDay(day)) day = nextDay(day);
  return day;
}

/** The banking day a request made at `at` is submitted on, given the network's cutoff. */
function submissionDay(at: Date, cutoffMinutes: number): Day {
  const local = central(at);
  return isBankingDay(local) && local.minutes < cutoffMinutes ? local : nextBankingDay(local);
}

/** 5pm Central on `d`, as an instant (Central is UTC−6 in winter, UTC−5 in summer). */
function endOfBusiness(d: Day): Date {
  for (const offsetHours of [6, 5]) {
    const candidate = new Date(Date.UTC(d.year, d.month - 1, d.day, END_OF_BUSINESS_HOUR + offsetHours));
    const local = central(candidate);
    if (local.day === d.day && local.minutes === END_OF_BUSINESS_HOUR * 60) return candidate;
  }
  throw new RangeError(`No 5pm Central on ${d.year}-${d.month}-${d.day}`);
}

/** Whether `at` falls on a Federal Reserve banking day (in Central time). */
export function isBankingDayAt(at: Date): boolean {
  return isBankingDay(central(at));
}

/**
 * Stripe's `expected_arrival_date` for money sent at `at` over `network`: by the
 * end of the arrival banking day (5pm Central) for the bank networks, `at` itself
 * for Stripe's own network.
 */
export function expectedArrivalDate(network: TimelineNetwork, at: Date): Date {
  if (Number.isNaN(at.getTime())) throw new RangeError('expectedArrivalDate needs a valid time');
  switch (network) {
    case 'stripe':
      return at;
    case 'us_domestic_wire':
      return endOfBusiness(submissionDay(at, CUTOFF_MINUTES.us_domestic_wire));
    case 'ach':
      return endOfBusiness(nextBankingDay(submissionDay(at, CUTOFF_MINUTES.ach)));
  }
}

/**
 * Stripe's `reversal_details.deadline` of a ReceivedDebit received at `at`: "approximately 1 business day to return
 * ACH debits using the API after receipt", so the end (5pm Central) of the banking day after the one it is received
 * on (after the ACH cutoff, or on a day that is not a banking day, it counts as received the next banking day).
 * Null for the other networks, for which Stripe sets no deadline.
 */
export function receivedDebitReversalDeadline(network: string, at: Date): Date | null {
  if (network !== 'ach') return null;
  return endOfBusiness(nextBankingDay(submissionDay(at, CUTOFF_MINUTES.ach)));
}

/**
 * `reversal_details.deadline` of an ACH ReceivedCredit arriving at `at`: Stripe
 * says only that ACH credits are reversible for a limited time; the gateway takes
 * NACHA's window for returning a credit entry, two banking days after the day it
 * arrived (the end of business of the second banking day, 5pm Central).
 */
export function achCreditReversalDeadline(at: Date): Date {
  if (Number.isNaN(at.getTime())) throw new RangeError('achCreditReversalDeadline needs a valid time');
  const local = central(at);
  const arrival = isBankingDay(local) ? local : nextBankingDay(local);
  return endOfBusiness(nextBankingDay(nextBankingDay(arrival)));
}

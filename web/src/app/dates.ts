import dayjs, { type Dayjs } from 'dayjs';

/**
 * Today's date in China (Asia/Shanghai), which is what the server means by "today" when it
 * decides whether a post is held (dates are China's: Asia/Shanghai), whatever the browser's zone.
 */
export function todayInChina(): Dayjs {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return dayjs(ymd);
}

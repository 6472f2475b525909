// Where many honest buyers receive parcels at one address: a company or a building's reception
// desk, a parcel station (驿站, 菜鸟驿站), a parcel locker (快递柜, 丰巢), a mailroom.
// A tower named with no floor or room after it (…腾讯大厦) is the whole tower: its reception.
const ZH = /前台|驿站|快递柜|丰巢|智能柜|收发室|传达室|门卫|公司|(?:大厦|写字楼|中心|广场).*(?:前台|大堂)|(?:大厦|写字楼|大楼)\s*$/u;
const EN = /\b(?:reception|front desk|lobby|locker|parcel (?:station|shop|point)|pickup point|pick-up point|mail ?room|company|co\.? ?ltd|inc|corp)\b/iu;

/**
 * True for an address many buyers share honestly: a business (公司, a building's reception desk
 * 前台, 收发室, a whole office tower with no floor or room, reception, front desk) or a pickup point (驿站, 快递柜, 丰巢, locker). Orders
 * sharing one are lower-risk than orders sharing a home, and such an address is never proposed
 * for the blacklist (docs/order-exceptions.md, "Shared addresses").
 *
 * @example
 * isSharedDropOff('科技园 腾讯大厦 前台') //=> true
 * isSharedDropOff('幸福路1号3栋201室') //=> false
 */
export function isSharedDropOff(address: string): boolean {
  const text = address.normalize('NFKC').trim();
  return ZH.test(text) || EN.test(text);
}

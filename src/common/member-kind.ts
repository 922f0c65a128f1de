/**
 * A typed key of the App-wide registry (`ChartAddressPlan._join` / `_membersOf`): constructs of one role join
 * under one key object, and every reader gets them as `T[]`, with no string to mistype and no cast. A key is
 * compared by identity, so two keys with one name are two lists. (Internal: generic, so not in the jsii API.)
 */
export class MemberKind<T> {
  /** Never set: carries `T` so that a key of one member type cannot be read as another. */
  declare private readonly memberType?: T;

  /** @param name what the members are, for messages and debugging */
  constructor(public readonly name: string) {}
}

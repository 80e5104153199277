// R12 in the import report: a guest membership whose home membership was not valid on the day of
// registration should have been refused (the patron is told to contact their own library). The
// import still takes it — the library's system is the source of facts — but reports it as a
// warning with its JSON path, so the library can look into it.
// Judged from the document alone, as the portal judges it (lib/domain/home-membership): the home is
// the same patron's ordinary membership at the R13 home library when that library is in the
// document, else the nightly check (`homeValidUntil`); a home nothing is known of is not reported.
import { guestRegisteredWithInvalidHome, type MembershipFacts } from '../../lib/domain/home-membership';
import { lookupLibraryByIsil } from '../../lib/domain/isil';
import type { ParsedNetworkDocument } from './schema';

export interface ImportWarning {
  /** `patrons[2].guestMemberships[0]`. */
  path: string;
  message: string;
}

export const GUEST_HOME_INVALID_WARNING =
  'R12: the home membership was not valid on the day of registration; this guest should have been refused with the message to contact their own library';

export function guestHomeWarnings(doc: ParsedNetworkDocument): ImportWarning[] {
  const libraries = doc.libraries.map((l, index) => ({ isil: l.isil, id: index + 1 }));
  const idOf = (isil: string) => lookupLibraryByIsil(isil, libraries)?.library.id ?? null;
  const warnings: ImportWarning[] = [];
  doc.patrons.forEach((p, patronIndex) => {
    let next = 1;
    const ordinary: MembershipFacts[] = p.memberships.map((m) => ({
      id: next++,
      patronId: 1,
      libraryId: idOf(m.library) ?? 0,
      kind: 'ordinary',
      startOn: m.start,
      endOn: m.end,
      autoRenew: m.autoRenew,
      stoppedOn: m.stoppedOn ?? null,
      registeredOn: null,
      homeValidUntil: null,
      homeCheckedOn: null,
      homeLibraryId: null,
    }));
    p.guestMemberships.forEach((g, guestIndex) => {
      const guest: MembershipFacts = {
        id: next++,
        patronId: 1,
        libraryId: idOf(g.library) ?? 0,
        kind: 'guest',
        startOn: g.registeredOn,
        endOn: null,
        autoRenew: false,
        stoppedOn: null,
        registeredOn: g.registeredOn,
        homeValidUntil: g.homeValidUntil ?? null,
        homeCheckedOn: g.homeCheckedOn ?? null,
        homeLibraryId: idOf(g.homeIsil),
      };
      if (guestRegisteredWithInvalidHome(guest, [guest, ...ordinary])) {
        warnings.push({ path: `patrons[${patronIndex}].guestMemberships[${guestIndex}]`, message: GUEST_HOME_INVALID_WARNING });
      }
    });
  });
  return warnings;
}

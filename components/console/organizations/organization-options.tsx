/** The `<option>`s of a select that picks an organization, by name, after any options of its own. */
export function OrganizationOptions({ organizations }: { organizations: { id: string; name: string }[] }) {
  return organizations.map((org) => (
    <option key={org.id} value={org.id}>
      {org.name}
    </option>
  ));
}

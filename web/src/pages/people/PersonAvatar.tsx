import { Avatar } from 'antd';
import type { Person } from '../../app/api-types.ts';

/** The person's photo when there is one, else the first character of their name on forest green. */
export function PersonAvatar({ person, size }: { person: Pick<Person, 'id' | 'name' | 'hasPhoto' | 'updatedAt'>; size: number }) {
  if (person.hasPhoto) {
    // The photo URL changes with the record, so a new upload is never hidden by the browser cache.
    return <Avatar size={size} src={`/api/persons/${person.id}/photo?v=${encodeURIComponent(person.updatedAt)}`} alt={person.name} />;
  }
  return (
    <Avatar size={size} style={{ background: '#2f6b3a', fontSize: size * 0.42, flexShrink: 0 }}>
      {person.name.slice(0, 1)}
    </Avatar>
  );
}

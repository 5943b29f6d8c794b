// Word lists for the demo book of business. Invented names; any resemblance is chance.

export const industries = [
  'Software', 'Financial Services', 'Healthcare', 'Retail', 'Manufacturing', 'Logistics',
  'Education', 'Media', 'Professional Services', 'Energy', 'Hospitality', 'Telecommunications',
] as const;

export const regions = ['North America', 'EMEA', 'APAC', 'LATAM'] as const;

/** CSMs by segment: enterprise books are small and senior, SMB books large and pooled. */
export const csmsBySegment = {
  SMB: ['Priya Raman', 'Tomás Okafor', 'Lena Fischer', 'Marcus Bell', 'Aiko Tanaka'],
  'Mid-Market': ['Sofia Marino', 'Daniel Osei', 'Hannah Kowalski', 'Rafael Costa'],
  Enterprise: ['Grace Whitfield', 'Omar Haddad', 'Ingrid Lund'],
} as const;

export const accountManagers = ['Nina Alvarez', 'Peter Holm', 'Chloe Dubois', 'Victor Mensah', 'Yuki Sato', 'Ben Carver'] as const;

export const namePrefixes = [
  'Acorn', 'Alder', 'Amber', 'Apex', 'Arbor', 'Aster', 'Atlas', 'Aurora', 'Basalt', 'Beacon', 'Birch',
  'Bluefin', 'Boulder', 'Brightwater', 'Cedar', 'Cinder', 'Cobalt', 'Copper', 'Coral', 'Crescent',
  'Delta', 'Driftwood', 'Ember', 'Evergreen', 'Falcon', 'Fern', 'Fjord', 'Foxglove', 'Garnet', 'Granite',
  'Harbor', 'Hawthorn', 'Helix', 'Heron', 'Indigo', 'Iron', 'Juniper', 'Kestrel', 'Lantern', 'Larch',
  'Lumen', 'Maple', 'Meridian', 'Mistral', 'Nimbus', 'Northwind', 'Oakridge', 'Onyx', 'Orchid', 'Osprey',
  'Pinecrest', 'Prairie', 'Quartz', 'Quill', 'Redwood', 'Ridgeline', 'Saffron', 'Sequoia', 'Silverline',
  'Slate', 'Solstice', 'Sparrow', 'Summit', 'Tamarack', 'Tidewater', 'Topaz', 'Trillium', 'Tundra',
  'Umber', 'Vantage', 'Verdant', 'Willow', 'Yarrow', 'Zenith',
] as const;

export const nameSuffixes = [
  'Analytics', 'Biotech', 'Capital', 'Clinics', 'Consulting', 'Dynamics', 'Energy', 'Foods', 'Freight',
  'Group', 'Health', 'Holdings', 'Industries', 'Insurance', 'Labs', 'Logistics', 'Media', 'Networks',
  'Outfitters', 'Partners', 'Retail', 'Robotics', 'Software', 'Studios', 'Systems', 'Technologies',
  'Telecom', 'Therapeutics', 'Travel', 'Works',
] as const;

export const tierByIndex = ['Starter', 'Growth', 'Business', 'Enterprise'] as const;

/** List price per seat and year, by tier. */
export const seatPrice = { Starter: 240, Growth: 420, Business: 660, Enterprise: 960 } as const;

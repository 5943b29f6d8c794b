// Colours that keep their meaning across every chart. Chosen to stay distinguishable in light
// and dark themes and for the common colour-vision deficiencies.
export const tierColors: Record<string, string> = {
  Starter: '#9ecae1',
  Growth: '#4292c6',
  Business: '#f59e0b',
  Enterprise: '#7c3aed',
  Unknown: '#9ca3af',
};

export const segmentOrder = ['SMB', 'Mid-Market', 'Enterprise', 'Unknown'];
export const tierOrder = ['Starter', 'Growth', 'Business', 'Enterprise', 'Unknown'];

// Colours a colour-blind reader can tell apart.
// Okabe & Ito (2008) for categories; viridis for ordered values.
export const categorical = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow (last: weak on white)
];

// viridis, 9 stops from low to high
export const sequential = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

export const eventColour = '#555555';
// Parameter changes made in a live run (urbis serve), drawn like events.
export const changeColour = '#D55E00';
// Outcomes: better (blue) and worse (orange), told apart by sign too.
export const better = '#0072B2';
export const worse = '#E69F00';
export const targetColour = '#000000';

// The parts of Apache ECharts the views use (tree-shaken), SVG renderer so
// that the page's text (titles, markers) is real text.
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart, BarChart, LinesChart, CustomChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, MarkAreaComponent,
  GeoComponent, VisualMapComponent, AriaComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, ScatterChart, BarChart, LinesChart, CustomChart,
  GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, MarkAreaComponent,
  GeoComponent, VisualMapComponent, AriaComponent, SVGRenderer,
]);

export default echarts;

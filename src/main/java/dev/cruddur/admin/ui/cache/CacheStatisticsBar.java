package dev.cruddur.admin.ui.cache;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.cache.CacheStatistics;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Cache pane's bottom: the session's hits, misses, errors, ratio and latencies, and a chart of the last seconds. */
final class CacheStatisticsBar extends HBox {
    private final CacheInspectorViewModel vm;
    private final XYChart.Series<Number, Number> hits = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> misses = new XYChart.Series<>();

    CacheStatisticsBar(CacheInspectorViewModel vm) {
        this.vm = vm;
        build();
    }

    private void build() {
        VBox figures = new VBox(6,
                figureRow(figure("stat-hits", "Hits", vm.hitsTextProperty()), figure("stat-misses", "Misses", vm.missesTextProperty()),
                        figure("stat-errors", "Errors", vm.errorsTextProperty()), figure("stat-ratio", "Hit ratio", vm.ratioTextProperty())),
                figure("stat-cache-latency", "Cache reads", vm.cacheLatencyTextProperty()),
                figure("stat-dynamo-latency", "DynamoDB reads", vm.dynamoLatencyTextProperty()));
        figures.setMinWidth(Region.USE_PREF_SIZE);
        figures.getStyleClass().add("cache-figures");

        NumberAxis x = new NumberAxis(-CacheInspectorViewModel.CHART_SECONDS, 0, 10);
        x.setLabel("seconds ago");
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("reads / s");
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        AreaChart<Number, Number> chart = new AreaChart<>(x, y);
        chart.setId("cache-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setHorizontalGridLinesVisible(true);
        chart.setVerticalGridLinesVisible(false);
        hits.setName("hits");
        misses.setName("misses");
        chart.getData().add(hits);
        chart.getData().add(misses);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        chart.setPrefHeight(150);
        chart.setMinHeight(120);
        HBox.setHgrow(chart, Priority.ALWAYS);

        setSpacing(16);
        getChildren().setAll(figures, chart);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("cache-statistics");
        setPadding(new Insets(6, 12, 6, 12));
    }

    private static HBox figureRow(Node... figures) {
        HBox row = new HBox(18, figures);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static VBox figure(String id, String name, javafx.beans.value.ObservableValue<String> value) {
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("figure-value");
        v.textProperty().bind(value);
        Label n = new Label(name);
        n.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox f = new VBox(0, n, v);
        f.getStyleClass().add("figure");
        return f;
    }

    /** Draws the last seconds' hits and misses again (once a second, on the FX thread). */
    void updateChart() {
        List<CacheStatistics.SecondCount> series = vm.chartSeries();
        List<XYChart.Data<Number, Number>> h = new ArrayList<>(series.size());
        List<XYChart.Data<Number, Number>> m = new ArrayList<>(series.size());
        int n = series.size();
        for (int i = 0; i < n; i++) {
            int ago = i - (n - 1);
            h.add(new XYChart.Data<>(ago, series.get(i).hits()));
            m.add(new XYChart.Data<>(ago, series.get(i).misses()));
        }
        hits.getData().setAll(h);
        misses.getData().setAll(m);
    }
}
